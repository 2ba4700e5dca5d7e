export { expectModelError } from './expect-model-error';
export { sampleConversation, sampleTools } from './sample-conversation';
export {
  type Script,
  type ScriptedCall,
  type ScriptedFailure,
  ScriptedModel,
  type ScriptedModelOptions,
  type ScriptedReply,
  type ScriptedStep,
} from './scripted-model';
export { type RecordedRequest, startWireServer, type WireReply, type WireServer } from './wire-server';
