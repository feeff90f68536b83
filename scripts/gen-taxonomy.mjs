// Prints the Hub's task taxonomy as "task<TAB>modality" lines, read from @huggingface/tasks (PIPELINE_DATA)
// so the builder follows the Hub's own definitions instead of a retyped copy.
import { PIPELINE_DATA } from '@huggingface/tasks';

const lines = Object.entries(PIPELINE_DATA).map(([task, info]) => `${task}\t${info.modality}`);
if (lines.length < 20) throw new Error(`@huggingface/tasks: only ${lines.length} tasks in PIPELINE_DATA`);
process.stdout.write(lines.sort().join('\n') + '\n');
