export { type BCubedScore, bcubed } from './bcubed';
export { type GroupedRecord, type GroupItem, groupJsonl } from './group-jsonl';
export { type FailureRecord, type GroupKey, groupRecord } from './group-record';
