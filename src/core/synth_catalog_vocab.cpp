// Derivative plans per family, bulk activity of curated publishers, quantizer accounts, task mixes and the word
// lists the long tail's names are made of.
#include "synth_catalog.h"

namespace hubreport::synthgen {

// Direct counts are the report's figures where it gives them (Qwen over 113,000, Llama about 27,000, DeepSeek
// about 6,000); the others are set so that the families rank as on the Hub (FLUX and Stable Diffusion adapters,
// BERT fine-tunes). Style: 0 LLM, 1 image generation, 2 encoder, 3 speech, 4 vision.
const FamilyPlan kFamilyPlans[] = {
    {"Qwen", 118500, 95000, 0.42f, 0.22f, 0.28f, 0.08f, 4, 0},
    {"Llama", 27000, 30000, 0.45f, 0.22f, 0.25f, 0.08f, 6, 0},
    {"DeepSeek", 6000, 3500, 0.45f, 0.15f, 0.35f, 0.05f, 4, 0},
    {"Mistral", 16000, 13000, 0.45f, 0.20f, 0.25f, 0.10f, 6, 0},
    {"Gemma", 17000, 8000, 0.45f, 0.25f, 0.25f, 0.05f, 5, 0},
    {"FLUX", 42000, 2500, 0.15f, 0.78f, 0.06f, 0.01f, 6, 1},
    {"Stable Diffusion", 34000, 4000, 0.40f, 0.55f, 0.02f, 0.03f, 8, 1},
    {"BERT", 36000, 3000, 0.95f, 0.03f, 0.02f, 0.0f, 14, 2},
    {"DistilBERT", 9000, 700, 0.95f, 0.03f, 0.02f, 0.0f, 14, 2},
    {"RoBERTa", 9500, 800, 0.95f, 0.03f, 0.02f, 0.0f, 14, 2},
    {"XLM-RoBERTa", 8000, 600, 0.95f, 0.03f, 0.02f, 0.0f, 14, 2},
    {"T5", 9000, 700, 0.90f, 0.07f, 0.03f, 0.0f, 12, 2},
    {"GPT-2", 7000, 900, 0.92f, 0.04f, 0.04f, 0.0f, 14, 0},
    {"Whisper", 14000, 1200, 0.85f, 0.05f, 0.10f, 0.0f, 8, 3},
    {"wav2vec 2.0", 5500, 400, 0.97f, 0.01f, 0.02f, 0.0f, 10, 3},
    {"Phi", 6000, 1800, 0.45f, 0.30f, 0.22f, 0.03f, 5, 0},
    {"SmolLM", 4000, 1200, 0.55f, 0.20f, 0.23f, 0.02f, 5, 0},
    {"TinyLlama", 3000, 800, 0.55f, 0.25f, 0.15f, 0.05f, 6, 0},
    {"gpt-oss", 4500, 1500, 0.45f, 0.25f, 0.28f, 0.02f, 3, 0},
    {"MiniLM", 3500, 300, 0.95f, 0.02f, 0.03f, 0.0f, 12, 2},
    {"MPNet", 2500, 200, 0.95f, 0.02f, 0.03f, 0.0f, 12, 2},
    {"ViT", 4000, 300, 0.95f, 0.03f, 0.02f, 0.0f, 12, 4},
    {"CLIP", 1500, 200, 0.85f, 0.10f, 0.05f, 0.0f, 12, 4},
    {"BART", 3000, 200, 0.95f, 0.03f, 0.02f, 0.0f, 12, 2},
    {"DeBERTa", 4000, 300, 0.95f, 0.03f, 0.02f, 0.0f, 12, 2},
    {"LayoutLM", 1500, 100, 0.97f, 0.02f, 0.01f, 0.0f, 12, 4},
    {"Wan", 2500, 300, 0.10f, 0.80f, 0.10f, 0.0f, 4, 1},
    {"GLM", 1500, 600, 0.45f, 0.20f, 0.30f, 0.05f, 5, 0},
    {"OPT", 2000, 200, 0.80f, 0.15f, 0.05f, 0.0f, 10, 0},
    {"BLOOM", 1200, 150, 0.75f, 0.20f, 0.05f, 0.0f, 10, 0},
    {"GPT-Neo", 1500, 150, 0.85f, 0.10f, 0.05f, 0.0f, 10, 0},
    {"Pythia", 900, 100, 0.85f, 0.10f, 0.05f, 0.0f, 10, 0},
    {"GPT-J", 500, 80, 0.80f, 0.15f, 0.05f, 0.0f, 10, 0},
    {"BGE", 2500, 200, 0.93f, 0.02f, 0.05f, 0.0f, 10, 2},
    {"E5", 800, 80, 0.93f, 0.02f, 0.05f, 0.0f, 10, 2},
    {"GTE", 600, 60, 0.93f, 0.02f, 0.05f, 0.0f, 10, 2},
    {"Falcon", 1200, 300, 0.50f, 0.25f, 0.22f, 0.03f, 6, 0},
    {"Yi", 1000, 400, 0.50f, 0.15f, 0.30f, 0.05f, 6, 0},
    {"MiniCPM", 600, 100, 0.60f, 0.20f, 0.20f, 0.0f, 5, 4},
    {"InternVL", 800, 100, 0.70f, 0.15f, 0.15f, 0.0f, 5, 4},
    {"Florence-2", 1200, 80, 0.90f, 0.05f, 0.05f, 0.0f, 8, 4},
    {"SigLIP", 500, 40, 0.90f, 0.05f, 0.05f, 0.0f, 8, 4},
    {"DINO", 600, 40, 0.90f, 0.05f, 0.05f, 0.0f, 8, 4},
    {"SmolVLM", 500, 60, 0.70f, 0.20f, 0.10f, 0.0f, 5, 4},
    {"LLaVA", 800, 150, 0.60f, 0.25f, 0.15f, 0.0f, 6, 4},
    {"PaliGemma", 800, 60, 0.60f, 0.35f, 0.05f, 0.0f, 6, 4},
    {"StarCoder", 800, 150, 0.55f, 0.25f, 0.20f, 0.0f, 6, 0},
    {"MPT", 300, 60, 0.60f, 0.20f, 0.20f, 0.0f, 5, 0},
    {"ESM", 800, 60, 0.90f, 0.08f, 0.02f, 0.0f, 10, 2},
    {"NLLB", 700, 40, 0.95f, 0.03f, 0.02f, 0.0f, 10, 2},
    {"SAM", 500, 40, 0.90f, 0.08f, 0.02f, 0.0f, 10, 4},
    {"PEGASUS", 600, 40, 0.97f, 0.02f, 0.01f, 0.0f, 10, 2},
    {"ELECTRA", 800, 50, 0.97f, 0.02f, 0.01f, 0.0f, 12, 2},
    {"DialoGPT", 1500, 60, 0.95f, 0.03f, 0.02f, 0.0f, 10, 0},
    {"MusicGen", 300, 20, 0.90f, 0.08f, 0.02f, 0.0f, 8, 3},
    {"Granite", 900, 300, 0.50f, 0.20f, 0.28f, 0.02f, 5, 0},
    {"Kimi", 300, 100, 0.30f, 0.10f, 0.60f, 0.0f, 3, 0},
    {"MiniMax", 150, 60, 0.20f, 0.05f, 0.75f, 0.0f, 3, 0},
    {"ERNIE", 200, 50, 0.40f, 0.10f, 0.50f, 0.0f, 4, 0},
    {"Hunyuan", 150, 30, 0.40f, 0.20f, 0.40f, 0.0f, 4, 0},
    {"Nemotron", 400, 150, 0.40f, 0.15f, 0.45f, 0.0f, 3, 0},
    {"Parakeet", 400, 30, 0.90f, 0.05f, 0.05f, 0.0f, 5, 3},
    {"EXAONE", 300, 100, 0.45f, 0.15f, 0.40f, 0.0f, 5, 0},
    {"Solar", 600, 200, 0.45f, 0.15f, 0.25f, 0.15f, 5, 0},
    {"Command", 300, 100, 0.35f, 0.15f, 0.50f, 0.0f, 5, 0},
    {"Aya", 300, 60, 0.60f, 0.25f, 0.15f, 0.0f, 5, 0},
    {"OLMo", 300, 80, 0.60f, 0.20f, 0.20f, 0.0f, 5, 0},
    {"Molmo", 150, 30, 0.60f, 0.20f, 0.20f, 0.0f, 5, 4},
    {"MiMo", 100, 40, 0.50f, 0.10f, 0.40f, 0.0f, 4, 0},
    {"InternLM", 400, 100, 0.50f, 0.20f, 0.30f, 0.0f, 5, 0},
    {"StableLM", 500, 100, 0.50f, 0.25f, 0.25f, 0.0f, 5, 0},
    {"Seed", 80, 30, 0.40f, 0.10f, 0.50f, 0.0f, 3, 0},
    {"Apertus", 50, 20, 0.50f, 0.10f, 0.40f, 0.0f, 3, 0},
    {"HyperCLOVA X", 100, 20, 0.50f, 0.20f, 0.30f, 0.0f, 4, 0},
    {"Grok", 40, 20, 0.20f, 0.0f, 0.80f, 0.0f, 4, 0},
    {"DBRX", 40, 20, 0.30f, 0.10f, 0.60f, 0.0f, 4, 0},
};
const std::size_t kFamilyPlanCount = sizeof kFamilyPlans / sizeof kFamilyPlans[0];

// Namespaces with more bulk activity than the default (a few models, datasets and Spaces a year).
const OrgPlan kOrgPlans[] = {
    {"google", 250, 40, 30, 2020, 0, 8.5f},         {"facebook", 300, 40, 40, 2020, 0, 8.5f},
    {"microsoft", 200, 30, 40, 2020, 0, 8.5f},      {"nvidia", 300, 80, 30, 2021, 0, 8.5f},
    {"Helsinki-NLP", 250, 5, 2, 2020, 2023, 8.5f},  {"timm", 200, 0, 2, 2022, 0, 8.5f},
    {"Qwen", 40, 5, 20, 2023, 0, 9.0f},             {"meta-llama", 10, 2, 5, 2023, 0, 9.0f},
    {"deepseek-ai", 8, 1, 2, 2023, 0, 9.0f},        {"allenai", 80, 100, 20, 2020, 0, 8.0f},
    {"HuggingFaceTB", 30, 20, 20, 2023, 0, 8.0f},   {"HuggingFaceH4", 20, 30, 15, 2022, 0, 8.0f},
    {"HuggingFaceM4", 15, 20, 10, 2022, 0, 7.5f},   {"huggingface", 5, 20, 40, 2020, 0, 7.5f},
    {"HuggingFaceFW", 2, 15, 5, 2024, 0, 7.5f},     {"BAAI", 20, 10, 5, 2021, 0, 8.5f},
    {"THUDM", 15, 5, 5, 2021, 2025, 8.0f},          {"zai-org", 15, 2, 5, 2025, 0, 8.5f},
    {"OpenGVLab", 30, 10, 10, 2023, 0, 8.0f},       {"internlm", 20, 5, 5, 2023, 0, 8.0f},
    {"mistralai", 8, 0, 0, 2023, 0, 9.0f},          {"stabilityai", 20, 2, 10, 2022, 0, 8.5f},
    {"ibm-granite", 40, 5, 5, 2024, 0, 8.0f},       {"ibm", 20, 5, 5, 2021, 0, 7.5f},
    {"intfloat", 10, 2, 0, 2022, 0, 8.5f},          {"sentence-transformers", 30, 20, 0, 2021, 0, 9.0f},
    {"cross-encoder", 10, 0, 0, 2021, 0, 8.5f},     {"openai", 3, 2, 0, 2021, 0, 9.0f},
    {"apple", 30, 5, 5, 2022, 0, 8.0f},             {"amazon", 10, 5, 2, 2021, 0, 7.5f},
    {"Salesforce", 30, 10, 10, 2021, 0, 8.0f},      {"lerobot", 20, 0, 5, 2024, 0, 7.5f},
    {"google-bert", 2, 0, 0, 2020, 0, 9.0f},        {"FacebookAI", 2, 0, 0, 2020, 0, 9.0f},
    {"speechbrain", 30, 2, 5, 2021, 0, 8.0f},       {"pyannote", 3, 0, 2, 2021, 0, 9.0f},
    {"jinaai", 15, 5, 5, 2023, 0, 8.0f},            {"Alibaba-NLP", 15, 5, 5, 2023, 0, 8.0f},
    {"openbmb", 15, 5, 5, 2023, 0, 8.0f},           {"moonshotai", 6, 1, 2, 2025, 0, 8.5f},
    {"MiniMaxAI", 6, 1, 2, 2025, 0, 8.5f},          {"Wan-AI", 6, 0, 3, 2025, 0, 8.5f},
    {"ServiceNow-AI", 10, 5, 5, 2023, 0, 7.5f},     {"mozilla-foundation", 0, 5, 2, 2021, 0, 8.0f},
    {"Tencent-Hunyuan", 10, 1, 5, 2024, 0, 8.0f},   {"TencentARC", 15, 3, 10, 2023, 0, 7.5f},
    {"ByteDance", 15, 3, 8, 2023, 0, 7.5f},         {"bytedance-research", 8, 2, 4, 2024, 0, 7.5f},
    {"PaddlePaddle", 40, 5, 5, 2023, 0, 7.5f},      {"unitreerobotics", 5, 20, 1, 2025, 0, 7.0f},
};
const std::size_t kOrgPlanCount = sizeof kOrgPlans / sizeof kOrgPlans[0];

const Quantizer kQuantizers[] = {
    {"TheBloke", "2023-04", "2024-02", 30, 2.0f, 1},      {"mradermacher", "2024-02", "", 35, 0.0f, 0},
    {"bartowski", "2024-02", "", 5, 2.5f, 0},             {"QuantFactory", "2024-05", "2025-01", 4, 0.5f, 0},
    {"MaziyarPanahi", "2024-01", "", 2, 1.0f, 0},         {"lmstudio-community", "2024-04", "", 1.2f, 2.5f, 0},
    {"mlx-community", "2024-01", "", 5, 1.0f, 2},         {"unsloth", "2024-02", "", 2, 3.5f, 3},
    {"RedHatAI", "2025-01", "", 0.8f, 1.5f, 4},           {"neuralmagic", "2024-05", "2024-12", 0.8f, 1.5f, 4},
};
const std::size_t kQuantizerCount = sizeof kQuantizers / sizeof kQuantizers[0];

const TaskMix kModelTasks[] = {
    {"text-classification", "transformers", {22, 14, 9, 5}},
    {"token-classification", "transformers", {8, 5, 3, 2}},
    {"question-answering", "transformers", {6, 4, 2, 1}},
    {"fill-mask", "transformers", {8, 3, 1.5f, 1}},
    {"translation", "transformers", {5, 3, 1.5f, 1}},
    {"summarization", "transformers", {3, 3, 1.5f, 0.8f}},
    {"text2text-generation", "transformers", {4, 4, 2, 0.5f}},
    {"text-generation", "transformers", {12, 9, 20, 26}},
    {"text-generation", "peft", {0, 0, 5, 6}},
    {"automatic-speech-recognition", "transformers", {8, 6, 4, 2.5f}},
    {"image-classification", "transformers", {3, 6, 4, 2.5f}},
    {"image-classification", "timm", {0.5f, 1, 1, 0.8f}},
    {"object-detection", "transformers", {0.5f, 1, 1, 1}},
    {"object-detection", "ultralytics", {0, 0.5f, 1, 1.5f}},
    {"image-segmentation", "transformers", {0.3f, 0.8f, 1, 0.8f}},
    {"reinforcement-learning", "stable-baselines3", {1, 14, 12, 2}},
    {"reinforcement-learning", "ml-agents", {0, 2, 4, 0.5f}},
    {"text-to-image", "diffusers", {0, 6, 10, 5}},
    {"image-to-image", "diffusers", {0, 0.5f, 1, 1}},
    {"sentence-similarity", "sentence-transformers", {1, 2, 3, 4}},
    {"feature-extraction", "transformers", {1.5f, 1.5f, 1.5f, 2}},
    {"image-text-to-text", "transformers", {0, 0, 0.5f, 4}},
    {"text-to-speech", "transformers", {0.2f, 0.5f, 1, 1.5f}},
    {"audio-classification", "transformers", {1, 1, 0.8f, 0.5f}},
    {"tabular-classification", "sklearn", {0.3f, 0.8f, 0.5f, 0.3f}},
    {"text-to-video", "diffusers", {0, 0, 0.2f, 0.8f}},
    {"robotics", "lerobot", {0, 0, 0, 3}},
    {"video-text-to-text", "transformers", {0, 0, 0, 0.5f}},
    {"any-to-any", "transformers", {0, 0, 0, 0.3f}},
    {"", "", {15, 15, 15, 14}},
    {"", "pytorch", {3, 3, 3, 3}},
    {"", "keras", {2, 2, 1, 0.5f}},
};
const std::size_t kModelTaskCount = sizeof kModelTasks / sizeof kModelTasks[0];

// Robotics is generated apart (the report's 1,145 -> 26,991); every other category stays well below it.
const DatasetTask kDatasetTasks[] = {
    {"text-generation", "text", 19500, 2.2f},        {"text-classification", "text", 14000, 1.6f},
    {"question-answering", "text", 12000, 1.8f},     {"image-classification", "image", 6000, 1.6f},
    {"automatic-speech-recognition", "audio", 5000, 1.7f}, {"translation", "text", 4500, 1.6f},
    {"image-to-text", "image", 3500, 1.9f},          {"text-to-image", "image", 3200, 2.0f},
    {"token-classification", "text", 2800, 1.4f},    {"summarization", "text", 2500, 1.5f},
    {"visual-question-answering", "image", 2500, 2.2f}, {"image-text-to-text", "image", 2400, 3.0f},
    {"text-to-speech", "audio", 1500, 2.2f},         {"object-detection", "image", 1600, 1.8f},
    {"feature-extraction", "text", 1500, 1.8f},      {"audio-classification", "audio", 1200, 1.6f},
    {"reinforcement-learning", "tabular", 1200, 1.5f}, {"sentence-similarity", "text", 1000, 1.8f},
    {"table-question-answering", "tabular", 600, 1.6f}, {"zero-shot-classification", "text", 500, 1.5f},
    {"fill-mask", "text", 400, 1.2f},                {"image-segmentation", "image", 900, 1.8f},
    {"video-classification", "video", 500, 2.0f},    {"text-to-video", "video", 600, 3.0f},
    {"tabular-classification", "tabular", 700, 1.5f}, {"time-series-forecasting", "timeseries", 800, 1.8f},
    {"text-retrieval", "text", 900, 2.0f},           {"text-ranking", "text", 300, 2.0f},
    {"other", "text", 1000, 1.6f},
};
const std::size_t kDatasetTaskCount = sizeof kDatasetTasks / sizeof kDatasetTasks[0];

const Weighted kLicenses[] = {
    {"apache-2.0", 30}, {"mit", 20},        {"", 35},          {"cc-by-4.0", 4},   {"cc-by-nc-4.0", 2},
    {"openrail", 2},    {"other", 3},       {"cc-by-sa-4.0", 1}, {"gpl-3.0", 1},   {"afl-3.0", 0.5f},
    {"cc0-1.0", 0.5f},  {"bsd-3-clause", 0.3f}, {"creativeml-openrail-m", 1}, {"agpl-3.0", 0.3f}, {"cc-by-nc-sa-4.0", 0.5f},
};
const std::size_t kLicenseCount = sizeof kLicenses / sizeof kLicenses[0];

#define WORDS(name, ...)                                  \
  static const char* const name##_items[] = {__VA_ARGS__}; \
  const Words name{name##_items, sizeof name##_items / sizeof name##_items[0]};

WORDS(kFirstNames, "alex", "sam", "ana", "li", "wei", "yuki", "omar", "fatima", "ivan", "maria", "juan", "chen", "priya", "arjun",
      "kenji", "sara", "david", "emma", "lucas", "noah", "mia", "hugo", "leo", "nina", "raj", "amir", "elena", "jonas", "tom",
      "zhang", "wang", "liu", "kim", "park", "lee", "nguyen", "tran", "ahmed", "ali", "mehmet", "ayse", "pablo", "diego", "marco",
      "giulia", "pierre", "julie", "max", "felix", "oliver", "sofia", "lena", "anton", "olga", "dmitry", "hiro", "takumi", "min",
      "jun", "hao", "yang", "xin", "jia", "rohan", "kiran", "vikram", "neha", "aditya", "kwame", "amara", "tunde", "zainab")
WORDS(kLastNames, "smith", "chen", "garcia", "mueller", "rossi", "tanaka", "kumar", "singh", "silva", "kowalski", "novak", "ivanov",
      "dubois", "martin", "lopez", "wang", "zhao", "huang", "sato", "suzuki", "yamada", "choi", "jung", "khan", "patel", "shah",
      "haddad", "yilmaz", "demir", "santos", "costa", "fischer", "weber", "schmidt", "berg", "larsen", "jensen", "virtanen",
      "nowak", "horvat", "popescu", "nagy", "kovacs", "moreau", "bernard", "ricci", "bianchi", "ferrari", "romero", "torres")
WORDS(kTechWords, "ai", "ml", "nlp", "deep", "neural", "data", "lab", "labs", "tech", "dev", "bot", "gpt", "llm", "vision", "code",
      "research", "hub", "core", "mind", "brain", "sense", "logic", "quant", "tensor", "vector", "pixel", "byte", "cloud", "open",
      "smart", "learn", "model", "agent", "robo", "synth", "alpha", "nova", "zen", "flux", "spark")
WORDS(kDatasetsWords, "imdb", "sst2", "squad", "conll2003", "emotion", "mrpc", "cola", "ag_news", "yelp", "tweet_eval", "xsum",
      "cnn_dailymail", "alpaca", "ultrachat", "gsm8k", "openhermes", "dolly", "math", "code-alpaca", "wikitext", "samsum",
      "billsum", "common_voice", "librispeech", "cifar10", "food101", "beans", "mnist", "ner", "qa", "medical", "legal",
      "finance", "sentiment", "chat", "instruct", "reasoning", "tool-use", "function-calling", "roleplay", "orca", "metamath",
      "slimorca", "ultrafeedback", "dpo-mix", "capybara", "airoboros", "no-robots", "openmath", "numina")
WORDS(kLanguages, "arabic", "turkish", "vietnamese", "korean", "japanese", "german", "french", "spanish", "hindi", "indonesian",
      "persian", "polish", "portuguese", "russian", "ukrainian", "italian", "dutch", "swahili", "bengali", "tamil", "thai",
      "urdu", "greek", "czech", "hebrew", "finnish", "swedish", "chinese", "malay", "tagalog", "amharic", "yoruba", "basque")
WORDS(kStyleWords, "anime", "pixel-art", "watercolor", "cyberpunk", "portrait", "ghibli", "sketch", "realistic", "3d-render",
      "logo", "tattoo", "comic", "oil-painting", "retro", "vaporwave", "fantasy", "cinematic", "lineart", "chibi", "isometric",
      "neon", "film-grain", "ukiyo-e", "claymation", "low-poly", "polaroid", "vintage", "manga", "sticker", "minimalist")
WORDS(kAppWords, "chatbot", "demo", "app", "playground", "assistant", "translator", "summarizer", "detector", "classifier",
      "generator", "image-gen", "voice-clone", "tts", "ocr", "rag", "pdf-chat", "leaderboard", "arena", "editor", "captioner",
      "sentiment", "transcriber", "upscaler", "background-remover", "try-on", "face-swap", "music-gen", "agent", "search",
      "viewer", "dashboard", "explorer", "tutor", "resume", "quiz", "story", "recipe", "code-helper", "test", "space")
WORDS(kDataTopics, "instructions", "conversations", "reviews", "tweets", "news", "papers", "code", "math", "prompts", "images",
      "captions", "speech", "transcripts", "questions", "answers", "dialogues", "preferences", "feedback", "corpus", "wiki",
      "books", "lyrics", "recipes", "medical-qa", "legal-docs", "financial-news", "product-reviews", "emails", "receipts",
      "invoices", "charts", "screenshots", "documents", "tables", "eval", "benchmark", "synthetic", "translations", "sft", "dpo")
WORDS(kRobotTasks, "pick_place", "pick_cube", "stack_blocks", "fold_towel", "open_drawer", "push_t", "sort_items", "pour_water",
      "grasp", "insert_peg", "wipe_table", "pick_lego", "place_cup", "move_box", "sweep", "press_button", "pick_banana",
      "tape_roll", "clean_desk", "transfer_cube")
WORDS(kRlEnvs, "LunarLander-v2", "CartPole-v1", "SpaceInvadersNoFrameskip-v4", "Huggy", "SnowballTarget", "Pyramids",
      "PandaReachDense-v3", "FrozenLake-v1-4x4-noSlippery", "Taxi-v3", "BreakoutNoFrameskip-v4", "SoccerTwos", "Pixelcopter-PLE-v0",
      "MountainCar-v0", "Acrobot-v1", "AntBulletEnv-v0", "doom_health_gathering_supreme", "PongNoFrameskip-v4", "LunarLander-v3")
WORDS(kArchs, "bert-base-uncased", "distilbert-base-uncased", "roberta-base", "xlm-roberta-base", "t5-small", "bart-base",
      "gpt2", "wav2vec2-base", "whisper-small", "vit-base", "resnet50", "deberta-v3-base", "electra-small", "mt5-small", "llama",
      "mistral", "qwen", "gemma", "phi", "tinyllama", "smollm", "unet", "yolov8", "efficientnet", "convnext", "swin", "segformer",
      "clip", "blip", "detr", "lstm", "cnn", "mlp", "transformer", "gpt", "lora", "sdxl", "flux")

}  // namespace hubreport::synthgen
