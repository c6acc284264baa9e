import { describe, expect, it } from 'vitest';
import { answerState, countAnswerStates } from '../../src/domain/solicitation-answers.js';

describe('a unit’s answer state on a solicitation', () => {
  const deadline = '2011-06-30';
  it('is on time with a sent item submitted on or before the deadline', () => {
    expect(answerState(deadline, [{ submitted: '2011-06-30', sent: true }], '2011-08-01')).toBe('on_time');
    expect(
      answerState(
        deadline,
        [
          { submitted: '2011-07-02', sent: true },
          { submitted: '2011-06-01', sent: true },
        ],
        '2011-08-01'
      )
    ).toBe('on_time');
  });
  it('is late when every sent item came after the deadline', () => {
    expect(answerState(deadline, [{ submitted: '2011-07-01', sent: true }], '2011-07-01')).toBe('late');
  });
  it('ignores items not yet sent', () => {
    expect(answerState(deadline, [{ submitted: '2011-06-01', sent: false }], '2011-06-30')).toBe('pending');
    expect(answerState(deadline, [{ submitted: '2011-06-01', sent: false }], '2011-07-01')).toBe('missing');
  });
  it('is pending through the deadline’s day and missing from the next', () => {
    expect(answerState(deadline, [], '2011-06-30')).toBe('pending');
    expect(answerState(deadline, [], '2011-07-01')).toBe('missing');
  });
  it('counts the states, zero for those nobody is in', () => {
    expect(countAnswerStates(['late', 'on_time', 'late'])).toEqual({ on_time: 1, late: 2, missing: 0, pending: 0 });
  });
});
