#include "commands.h"
namespace hubreport {
int cmd_synth(const Args&) { return fail("synth", "TODO"); }
int cmd_calibrate(const Args&) { return fail("calibrate", "TODO"); }
}
