export {
  type Script,
  type ScriptedCall,
  type ScriptedFailure,
  ScriptedModel,
  type ScriptedModelOptions,
  type ScriptedReply,
  type ScriptedStep,
} from './scripted-model';
