// Names for the long tail: community handles, model, dataset and Space names in the shapes the Hub is full of
// (bert-base-uncased-finetuned-imdb, ppo-LunarLander-v2, Qwen2.5-7B-Instruct-GGUF, flux-anime-lora, so100_pick_place).
#include <cctype>
#include <string>

#include "synth_catalog.h"
#include "synth_pop.h"

namespace hubreport::synthgen {

namespace {

// String building in which every random draw happens left to right: the operands of + are evaluated in an
// unspecified order (compilers differ), those of << in C++17 are not. Any expression with more than one draw
// goes through Cat, so the names are identical whichever compiler built the generator.
struct Cat {
  std::string s;
  Cat& operator<<(std::string_view x) {
    s.append(x);
    return *this;
  }
};

const char* word(Rng& rng, const Words& w) { return w.items[rng.below(std::uint32_t(w.size))]; }
std::string cap(std::string s) {
  if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
std::string num(Rng& rng, std::uint32_t lo, std::uint32_t hi) { return std::to_string(lo + rng.below(hi - lo + 1)); }
const char* size_label(Rng& rng) {
  static const char* s[] = {"7B", "8B", "3B", "1.5B", "14B", "0.5B", "1B", "4B", "32B", "13B", "2B", "70B"};
  static const float w[] = {24, 16, 10, 8, 8, 6, 6, 6, 4, 4, 4, 2};
  double x = rng.uniform() * 98, run = 0;
  for (int i = 0; i < 12; ++i)
    if ((run += w[i]) > x) return s[i];
  return s[0];
}
// The parent's name without the usual instruct/chat/hf suffixes, for "Qwen2.5-7B-sft"-like names.
std::string short_name(std::string_view parent) {
  std::string s(parent);
  for (const char* suffix : {"-Instruct", "-instruct", "-Chat", "-chat", "-hf", "-it", "-Base", "-base"}) {
    std::size_t n = std::string(suffix).size();
    if (s.size() > n + 2 && s.compare(s.size() - n, n, suffix) == 0) s.resize(s.size() - n);
  }
  return s;
}

}  // namespace

std::string community_handle(Rng& rng) {
  std::string f = word(rng, kFirstNames), l = word(rng, kLastNames), t = word(rng, kTechWords);
  switch (rng.below(11)) {
    case 0: return f + l;
    case 1: return f + "-" + l;
    case 2: return f + num(rng, 1, 9999);
    case 3: return (Cat() << f << l.substr(0, 1 + rng.below(3)) << num(rng, 1, 999)).s;
    case 4: return t + f + num(rng, 0, 99);
    case 5: return f + "_" + t + num(rng, 0, 99);
    case 6: return cap(f) + cap(l) + (rng.chance(0.5) ? num(rng, 1, 99) : "");  // one draw sequence: ?: is ordered
    case 7: return f.substr(0, 1) + l + num(rng, 0, 999);
    case 8: return l + "-" + t + "-" + (rng.chance(0.5) ? "lab" : num(rng, 1, 99));
    case 9: return cap(t) + cap(f) + num(rng, 0, 999);
    default: return f + l + num(rng, 1, 99999);
  }
}

std::string original_model_name(Rng& rng, std::string_view task, int year) {
  std::string a = word(rng, kArchs), d = word(rng, kDatasetsWords), g = word(rng, kLanguages);
  if (task == "reinforcement-learning") {
    static const char* algo[] = {"ppo", "dqn", "a2c", "sac", "td3", "q", "Reinforce", "poca", "ppo-lstm"};
    return (Cat() << rng.pick(algo) << "-" << word(rng, kRlEnvs) << (rng.chance(0.3) ? "-" + num(rng, 1, 20) : "")).s;
  }
  if (task == "robotics") {
    static const char* policy[] = {"act_so100_", "act_so101_", "smolvla_", "pi0_", "diffusion_", "act_koch_"};
    return (Cat() << rng.pick(policy) << word(rng, kRobotTasks) << (rng.chance(0.4) ? "_" + num(rng, 1, 50) : "")).s;
  }
  if (task == "text-classification" || task == "token-classification" || task == "question-answering" ||
      task == "summarization" || task == "fill-mask") {
    switch (rng.below(6)) {
      case 0: return a + "-finetuned-" + d;
      case 1: return a + "-" + d + (rng.chance(0.5) ? "-v" + num(rng, 1, 4) : "");
      case 2: return g + "-" + (task == "token-classification" ? "ner" : task == "question-answering" ? "qa" : "sentiment") + "-" + a;
      case 3: return "my_awesome_" + std::string(task == "question-answering" ? "qa_model" : "model") + (rng.chance(0.5) ? num(rng, 1, 99) : "");
      case 4: return d + "-" + (task == "summarization" ? "summarizer" : "classifier") + "-" + num(rng, 1, 999);
      default: return a + "-" + g + "-" + d;
    }
  }
  if (task == "automatic-speech-recognition") {
    switch (rng.below(3)) {
      case 0: return "wav2vec2-large-xls-r-300m-" + g + (rng.chance(0.4) ? "-colab" : "");
      case 1: return (Cat() << "whisper-" << (rng.chance(0.5) ? "small-" : "tiny-") << g << (rng.chance(0.3) ? "-" + num(rng, 1, 9) : "")).s;
      default: return "asr-" + g + "-" + num(rng, 1, 500);
    }
  }
  if (task == "translation" || task == "text2text-generation")
    return rng.chance(0.5) ? "opus-mt-finetuned-" + g.substr(0, 2) + "-to-" + std::string(word(rng, kLanguages)).substr(0, 2)
                           : a + "-" + g + "-" + (task == "translation" ? "translation" : d);
  if (task == "text-generation") {
    switch (rng.below(year >= 2023 ? 5 : 3)) {
      case 0: return "gpt2-" + g + (rng.chance(0.5) ? "-" + d : "");
      case 1: return (Cat() << word(rng, kTechWords) << "-" << d << "-" << num(rng, 1, 99)).s;
      case 2: return a + "-" + d + "-chat";
      case 3: return (Cat() << cap(word(rng, kTechWords)) << cap(word(rng, kStyleWords)) << "-" << size_label(rng)).s;
      default: return (Cat() << word(rng, kTechWords) << "-" << g << "-" << size_label(rng) << "-v" << num(rng, 1, 5)).s;
    }
  }
  if (task == "text-to-image" || task == "image-to-image") {
    switch (rng.below(4)) {
      case 0: return std::string(word(rng, kStyleWords)) + "-diffusion";
      case 1: return (Cat() << "sd-class-" << word(rng, kStyleWords) << "-" << (rng.chance(0.5) ? "32" : "64")).s;
      case 2: return (Cat() << word(rng, kFirstNames) << "-dreambooth" << (rng.chance(0.5) ? "-" + num(rng, 1, 9) : "")).s;
      default: return (Cat() << word(rng, kStyleWords) << "-xl-" << num(rng, 1, 9)).s;
    }
  }
  if (task == "image-classification" || task == "object-detection" || task == "image-segmentation") {
    static const char* sets[] = {"food101", "cifar10", "beans", "eurosat", "mnist", "chest-xray", "plant-disease", "cats-dogs",
                                 "pets", "flowers", "traffic-signs", "helmet", "pcb-defects", "fire-smoke"};
    return (Cat() << a << "-" << rng.pick(sets) << (rng.chance(0.3) ? "-" + num(rng, 1, 20) : "")).s;
  }
  switch (rng.below(8)) {
    case 0: return rng.chance(0.2) ? "test" : (Cat() << "test-" << word(rng, kTechWords) << "-" << num(rng, 1, 999)).s;
    case 1: return "my-model-" + num(rng, 1, 9999);
    case 2: return (Cat() << a << "-" << word(rng, kTechWords) << "-" << d).s;
    case 3: return (Cat() << word(rng, kTechWords) << "-" << word(rng, kDataTopics) << "-" << num(rng, 1, 999)).s;
    case 4: return a + "-" + g + "-" + num(rng, 1, 99);
    case 5: return (Cat() << word(rng, kFirstNames) << "-" << a << "-" << word(rng, kTechWords)).s;
    case 6: return d + "-" + a + "-v" + num(rng, 1, 20);
    default: return "model-" + num(rng, 1, 99999);
  }
}

std::string derivative_name(Rng& rng, std::string_view parent_org, std::string_view parent, int relation, int style,
                            int qstyle, int year) {
  std::string p(parent), s = short_name(parent), g = word(rng, kLanguages), d = word(rng, kDatasetsWords);
  if (relation == 3) {  // quantized
    switch (qstyle) {
      case 0:
        if (year >= 2025 && rng.chance(0.5)) return std::string(parent_org) + "_" + p + "-GGUF";
        return p + (rng.chance(0.3) ? "-i1-GGUF" : "-GGUF");
      case 1: return p + (rng.chance(0.5) ? "-GGUF" : rng.chance(0.6) ? "-GPTQ" : "-AWQ");
      case 2: return p + (rng.chance(0.5) ? "-4bit" : rng.chance(0.5) ? "-8bit" : rng.chance(0.5) ? "-6bit" : "-bf16");
      case 3: return p + (rng.chance(0.4) ? "-bnb-4bit" : rng.chance(0.5) ? "-unsloth-bnb-4bit" : "-GGUF");
      case 4: return p + (rng.chance(0.5) ? "-FP8-dynamic" : rng.chance(0.5) ? "-quantized.w4a16" : "-FP8");
      default: {
        static const char* q[] = {"-Q4_K_M-GGUF", "-Q8_0-GGUF", "-4bit", "-AWQ", "-GPTQ-Int4", "-gguf", "-GGUF", "-int8"};
        std::string out = p + rng.pick(q);
        return rng.chance(0.4) ? lower(out) : out;
      }
    }
  }
  if (relation == 2) {  // adapter
    if (style == 1) {
      std::string st = word(rng, kStyleWords);
      switch (rng.below(4)) {
        case 0: return st + "-lora";
        case 1: return lower(s.substr(0, s.find('-') == std::string::npos ? s.size() : s.find('-'))) + "-" + st + "-lora";
        case 2: return (Cat() << word(rng, kFirstNames) << "-" << st << (rng.chance(0.5) ? "-lora" : "")).s;
        default: return "lora-" + st + "-" + num(rng, 1, 99);
      }
    }
    switch (rng.below(4)) {
      case 0: return lower(s) + "-lora-" + d;
      case 1: return s + "-" + d + "-adapter";
      case 2: return lower(s) + "-qlora" + (rng.chance(0.5) ? "-" + g : "");
      default: return std::string(word(rng, kTechWords)) + "-" + lower(s) + "-lora";
    }
  }
  if (relation == 4) {  // merge
    std::string a = cap(word(rng, kTechWords)), b = cap(word(rng, kStyleWords));
    switch (rng.below(3)) {
      case 0: return a + b + "-" + size_label(rng) + "-slerp";
      case 1: return s + "-merge-" + num(rng, 1, 30);
      default: return a + "-" + b + "-v" + num(rng, 1, 9);
    }
  }
  // Fine-tunes, by the family's kind of model.
  switch (style) {
    case 1: return (Cat() << word(rng, kStyleWords) << "-" << lower(s) << (rng.chance(0.4) ? "-v" + num(rng, 1, 5) : "")).s;
    case 2:
      return rng.chance(0.6) ? lower(p) + "-finetuned-" + d : lower(p) + "-" + g + "-" + (rng.chance(0.5) ? "ner" : "sentiment");
    case 3: return lower(p) + "-" + g + (rng.chance(0.3) ? "-v" + num(rng, 2, 4) : "");
    case 4: {
      static const char* sets[] = {"food101", "cifar10", "beans", "eurosat", "invoices", "receipts", "docvqa", "chest-xray"};
      return lower(p) + "-finetuned-" + rng.pick(sets);
    }
    default: break;
  }
  static const char* sfx[] = {"sft", "dpo", "grpo", "orpo", "medical", "code", "math", "reasoning", "roleplay", "function-calling",
                              "abliterated", "uncensored", "lora-merged", "instruct", "chat", "distill"};
  switch (rng.below(5)) {
    case 0: return s + "-" + rng.pick(sfx);
    case 1: return s + "-" + g;
    case 2: return lower(s) + "-finetuned-" + d;
    case 3: return (Cat() << s << "-" << rng.pick(sfx) << "-v" << num(rng, 1, 5)).s;
    default: return (Cat() << cap(word(rng, kTechWords)) << cap(word(rng, kStyleWords)) << "-" << size_label(rng)).s;
  }
}

std::string bulk_model_name(Rng& rng, std::string_view org, std::string_view task, int year) {
  if (org == "Helsinki-NLP") {
    static const char* l[] = {"en", "de", "fr", "es", "zh", "ru", "ar", "ja", "fi", "sv", "it", "nl", "pl", "tr", "ko", "uk", "hi",
                              "vi", "id", "mul", "cs", "da", "et", "hu", "ro", "bg", "he", "fa", "ur", "sw"};
    return (Cat() << "opus-mt-" << rng.pick(l) << "-" << rng.pick(l) << (rng.chance(0.1) ? "-big" : "")).s;
  }
  if (org == "timm") {
    static const char* arch[] = {"resnet", "vit_small_patch16_224", "convnext_small", "efficientnet_b", "regnety_", "deit_base",
                                 "swin_base_patch4", "mobilenetv4_conv", "eva02_base", "levit_"};
    static const char* tag[] = {"a1_in1k", "augreg_in21k", "fb_in22k_ft_in1k", "ra_in1k", "tv_in1k", "in1k", "mim_in22k"};
    return (Cat() << rng.pick(arch) << num(rng, 0, 200) << "." << rng.pick(tag)).s;
  }
  if (task == "text-generation" && year >= 2023) {
    static const char* sfx[] = {"Instruct", "Chat", "Base", "Reasoning", "Coder", "Preview", "Mini", "Nano"};
    std::string o = cap(lower(org).substr(0, std::min<std::size_t>(org.size(), 8)));
    return (Cat() << o << "-" << size_label(rng) << "-" << rng.pick(sfx) << (rng.chance(0.3) ? "-v" + num(rng, 1, 4) : "")).s;
  }
  return original_model_name(rng, task, year);
}

std::string dataset_name(Rng& rng, std::string_view task) {
  std::string t = word(rng, kDataTopics), g = word(rng, kLanguages), d = word(rng, kDatasetsWords);
  switch (rng.below(7)) {
    case 0: return t + "-" + g + (rng.chance(0.5) ? "-" + num(rng, 1, 99) : "");
    case 1: return d + "-" + t + (rng.chance(0.5) ? "-" + std::string(word(rng, kTechWords)) : "");  // ?: is ordered
    case 2: return g + "_" + t + "_" + num(rng, 1, 500) + "k";
    case 3: return "my-dataset-" + num(rng, 1, 9999);
    case 4: return std::string(task.empty() ? "data" : std::string(task.substr(0, task.find('-')))) + "-" + t + "-" + num(rng, 1, 99);
    case 5: return (Cat() << d << (rng.chance(0.5) ? "-cleaned" : "-filtered") << (rng.chance(0.4) ? "-" + g : "")).s;
    default: return t + "_" + num(rng, 1, 9999);
  }
}

std::string robotics_dataset_name(Rng& rng) {
  static const char* robot[] = {"so100", "so101", "koch", "aloha", "lekiwi", "piper", "ur5", "franka", "xarm", "g1"};
  std::string out = (Cat() << rng.pick(robot) << "_" << word(rng, kRobotTasks)).s;
  switch (rng.below(3)) {
    case 0: return out + "_" + num(rng, 1, 120);
    case 1: return out + "_v" + num(rng, 1, 5);
    default: return out;
  }
}

std::string space_name(Rng& rng) {
  std::string a = word(rng, kAppWords);
  switch (rng.below(7)) {
    case 0: return rng.chance(0.2) ? a : a + "-" + std::string(word(rng, kLanguages));
    case 1: return (Cat() << word(rng, kTechWords) << "-" << a << (rng.chance(0.5) ? "-" + num(rng, 1, 99) : "")).s;
    case 2: return a + "-" + num(rng, 1, 9999);
    case 3: return cap(word(rng, kStyleWords)) + "-" + cap(a);
    case 4: return std::string(word(rng, kFirstNames)) + "s-" + a;
    case 5: return std::string(word(rng, kDatasetsWords)) + "-" + a;
    default: return std::string(word(rng, kArchs)) + "-" + a;
  }
}

}  // namespace hubreport::synthgen
