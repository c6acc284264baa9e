import { describe, expect, it } from 'vitest';
import { ledgerFields, ledgerVocabulary, validateLedgerRecord } from '../../src/domain/ledger-schema.js';
import { isPublicOnlyOutlet, outletIsPublicOnly, parsePolicy } from '../../src/domain/policy.js';
import { PANYU_2010, buildPolicy } from '../factories/policy.factory.js';

/** A later version introducing an outlet and a report kind, as `govinfo policy add` would store it. */
const LATER = buildPolicy({
  name: 'panyu-2026',
  effectiveFrom: '2026-01-01',
  kinds: { ...PANYU_2010.kinds, feature: '专题信息' },
  outlets: {
    ...PANYU_2010.outlets,
    report: {
      ...PANYU_2010.outlets.report,
      points: { ...(PANYU_2010.outlets.report.points as Record<string, number>), feature: 6 },
    },
    wechat: {
      name: '番禺发布政务微信',
      points: { research: 4, feature: 3 },
      instructionBonus: false,
      upwardEligible: false,
    },
  },
});

describe('public-only outlets', () => {
  const { publicOnly: _stored, ...portalWithoutProperty } = PANYU_2010.outlets.portal;
  const storedBefore = buildPolicy({ outlets: { ...PANYU_2010.outlets, portal: portalWithoutProperty } });

  it('are marked in the seed policy: its portal only', () => {
    expect(Object.keys(PANYU_2010.outlets).filter((code) => isPublicOnlyOutlet([PANYU_2010], code))).toEqual([
      'portal',
    ]);
  });

  it('default, for a policy stored before the property, to the portal as it always was', () => {
    expect(Object.keys(storedBefore.outlets).filter((code) => isPublicOnlyOutlet([storedBefore], code))).toEqual([
      'portal',
    ]);
    expect(outletIsPublicOnly('wechat', {})).toBe(false);
  });

  it('follow the property where it is given, either way', () => {
    expect(outletIsPublicOnly('wechat', { publicOnly: true })).toBe(true);
    expect(outletIsPublicOnly('portal', { publicOnly: false })).toBe(false);
  });

  it('are public-only when any version defining them says so, and unknown outlets are not', () => {
    const opened = buildPolicy({
      name: 'x',
      outlets: { ...PANYU_2010.outlets, portal: { ...PANYU_2010.outlets.portal, publicOnly: false } },
    });
    expect(isPublicOnlyOutlet([storedBefore, opened], 'portal')).toBe(true);
    expect(isPublicOnlyOutlet([opened], 'portal')).toBe(false);
    expect(isPublicOnlyOutlet([PANYU_2010], 'tv')).toBe(false);
    expect(isPublicOnlyOutlet([], 'portal')).toBe(false);
  });

  it('are checked as booleans when a policy is added', () => {
    const bad = { ...LATER, outlets: { ...LATER.outlets, wechat: { ...LATER.outlets.wechat, publicOnly: 'yes' } } };
    expect(parsePolicy(bad)).toEqual({ problems: ['outlets.wechat.publicOnly 应为 true 或 false'] });
    expect(parsePolicy(LATER)).toHaveProperty('policy');
  });
});

describe('the ledger vocabulary of the stored policies', () => {
  it("is the template's for the seed policy alone", () => {
    expect(ledgerVocabulary([PANYU_2010])).toEqual({
      outlets: { portal: '区政府门户网站', dynamic: '番府信息(政务动态)', report: '番府信息上报' },
      kinds: { research: '综合调研', headline: '标题信息', brief: '短波信息' },
      upwardLevels: { city: '市级', province: '省级' },
      gradedOutlets: ['report'],
    });
    expect(ledgerVocabulary([])).toEqual({ outlets: {}, kinds: {}, upwardLevels: {}, gradedOutlets: [] });
  });

  it("adds what a later version introduces, labelled with the policy's names, in version order", () => {
    const vocabulary = ledgerVocabulary([PANYU_2010, LATER]);
    expect(vocabulary.outlets).toEqual({
      portal: '区政府门户网站',
      dynamic: '番府信息(政务动态)',
      report: '番府信息上报',
      wechat: '番禺发布政务微信',
    });
    expect(vocabulary.kinds.feature).toBe('专题信息');
    expect(vocabulary.gradedOutlets).toEqual(['report', 'wechat']);
  });

  const context = {
    earliestPolicyDate: '2010-04-07',
    hasUnit: () => true,
    fields: ledgerFields(ledgerVocabulary([PANYU_2010, LATER])),
  };
  const validate = (raw: Record<string, unknown>) => validateLedgerRecord(raw, context);

  it('validates records of the new outlet and kind, by code or by name', () => {
    expect(
      validate({
        type: 'adoption',
        id: 'A-1',
        item: 'I-1',
        outlet: '番禺发布政务微信',
        kind: 'feature',
        date: '2026-02-01',
      })
    ).toMatchObject({ record: { fields: { outlet: 'wechat', kind: 'feature' } } });
    expect(
      validate({ type: 'adoption', id: 'A-2', item: 'I-1', outlet: 'report', kind: '专题信息', date: '2026-02-01' })
    ).toMatchObject({ record: { fields: { outlet: 'report', kind: 'feature' } } });
    expect(
      validate({ type: 'upward', id: 'U-1', item: 'I-1', level: 'city', kind: 'feature', date: '2026-02-01' })
    ).toHaveProperty('record');
  });

  it('asks for a kind on every outlet graded by kind, naming the outlet, and drops it elsewhere', () => {
    expect(validate({ type: 'adoption', id: 'A-3', item: 'I-1', outlet: 'wechat', date: '2026-02-01' })).toEqual({
      problems: ['缺少字段 kind（信息类型）：outlet 为 wechat 时必填'],
    });
    expect(validate({ type: 'adoption', id: 'A-4', item: 'I-1', outlet: 'report', date: '2026-02-01' })).toEqual({
      problems: ['缺少字段 kind（信息类型）：outlet 为 report 时必填'],
    });
    expect(
      validate({ type: 'adoption', id: 'A-5', item: 'I-1', outlet: 'dynamic', kind: 'feature', date: '2026-02-01' })
    ).toMatchObject({ record: { fields: { kind: null } } });
  });

  it('lists the new values among the allowed ones when a value is unknown', () => {
    expect(validate({ type: 'adoption', id: 'A-6', item: 'I-1', outlet: 'tv', date: '2026-02-01' })).toEqual({
      problems: [
        'outlet（采用载体） 的值 "tv" 无效，应为 portal（区政府门户网站）、dynamic（番府信息(政务动态)）、report（番府信息上报）、wechat（番禺发布政务微信） 之一',
      ],
    });
  });

  it("refuses the new values under the template's vocabulary, as before the version was added", () => {
    expect(
      validateLedgerRecord(
        { type: 'adoption', id: 'A-7', item: 'I-1', outlet: 'wechat', date: '2026-02-01' },
        { ...context, fields: undefined }
      )
    ).toHaveProperty('problems');
  });
});
