import { describe, expect, it } from 'vitest';
import { specIdentity } from './ginkgo-spec-name';

describe('specIdentity', () => {
  it('turns v2 console texts into the JUnit name', () => {
    expect(
      specIdentity('[oc-serial] PTP e2e tests PTP ClockSync [It] Slave can sync to master [Serial]', 2),
    ).toEqual({
      name: '[It] [oc-serial] PTP e2e tests PTP ClockSync Slave can sync to master [Serial]',
      kind: 'test',
      nodeType: 'It',
    });
    expect(
      specIdentity('[oc-serial] PTP e2e tests PTP Outage recovery [AfterEach] Should restart phc2sys', 2)
        .name,
    ).toBe('[It] [oc-serial] PTP e2e tests PTP Outage recovery Should restart phc2sys');
  });

  it('marks suite setup nodes and top-level BeforeEach failures as setup', () => {
    expect(specIdentity('[SynchronizedBeforeSuite] ', 2)).toEqual({
      name: '[SynchronizedBeforeSuite]',
      kind: 'setup',
      nodeType: 'SynchronizedBeforeSuite',
    });
    expect(specIdentity('TOP-LEVEL [BeforeEach] [tgm-serial] PTP e2e tests Holdover', 2)).toEqual({
      name: '[It] [tgm-serial] PTP e2e tests Holdover',
      kind: 'setup',
      nodeType: 'BeforeEach',
    });
    expect(specIdentity('[AfterSuite] ', 2).kind).toBe('test');
  });

  it('turns v1 texts (marker after the text in blocks, before it in summaries) into the v1 JUnit name', () => {
    expect(specIdentity('ptp PTP e2e tests The interfaces can be discovered [It]', 1).name).toBe(
      'ptp PTP e2e tests The interfaces can be discovered',
    );
    expect(specIdentity('ptp PTP e2e tests [It] The interfaces can be discovered', 1).name).toBe(
      'ptp PTP e2e tests The interfaces can be discovered',
    );
    expect(specIdentity('[BeforeSuite] BeforeSuite', 1)).toEqual({
      name: 'BeforeSuite',
      kind: 'setup',
      nodeType: 'BeforeSuite',
    });
  });

  it('leaves bracketed spec text that is not a node marker alone', () => {
    expect(specIdentity('[dualnicbc-serial] Test [Itinerary] x [It] y', 2).name).toBe(
      '[It] [dualnicbc-serial] Test [Itinerary] x y',
    );
  });
});
