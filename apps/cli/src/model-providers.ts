/** The model providers Nightshift ships adapters for, and where each one's key is read from. */
export interface ProviderInfo {
  id: 'anthropic' | 'gemini' | 'openai';
  package: string;
  defaultModel: string;
  /** Environment variables checked for the key, in order. */
  keyEnv: string[];
  /** Servers that need no key (a local OpenAI-compatible server). */
  keyOptional: boolean;
  note: string;
}

export const MODEL_PROVIDERS: ProviderInfo[] = [
  {
    id: 'anthropic',
    package: '@nightshift/provider-anthropic',
    defaultModel: 'claude-sonnet-4-5',
    keyEnv: ['ANTHROPIC_API_KEY'],
    keyOptional: false,
    note: 'Claude via the Messages API; prompt caching on system prompt and tools',
  },
  {
    id: 'gemini',
    package: '@nightshift/provider-gemini',
    defaultModel: 'gemini-2.5-pro',
    keyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    keyOptional: false,
    note: 'Gemini via @google/genai',
  },
  {
    id: 'openai',
    package: '@nightshift/provider-openai',
    defaultModel: 'gpt-5',
    keyEnv: ['OPENAI_API_KEY'],
    keyOptional: true,
    note: 'OpenAI and compatible servers (Ollama, vLLM, llama.cpp) via baseUrl',
  },
];
