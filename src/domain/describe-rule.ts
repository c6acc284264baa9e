import type { Policy } from './policy.js';

/** A booking rule in words, for tables and explanations: `adoption:report:research` → 《番府信息上报》采用（综合调研类）. */
export function describeRule(rule: string, policy: Policy | undefined): string {
  const [head, first, second] = rule.split(':');
  switch (head) {
    case 'adoption': {
      const outlet = policy?.outlets[first]?.name ?? first;
      return second ? `${outlet}采用（${policy?.kinds[second] ?? second}）` : `${outlet}采用`;
    }
    case 'district_instruction':
      return '区领导批示';
    case 'upward': {
      const level = policy?.upward[first]?.name ?? first;
      const event = second === 'instruction' ? `${level}领导批示` : `${level}采用`;
      return `上报${event}（按最高加分值补足）`;
    }
    case 'solicitation_answered':
      return '按时完成约稿任务并被采用';
    case 'solicitation_missed':
      return '未在截止日期前报送约稿信息';
    case 'penalty':
      return policy?.penalties[first]?.name ?? first;
    default:
      return rule;
  }
}
