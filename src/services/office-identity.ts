import { readSeedPeriodicals, readSeedRoster } from './seed-defaults.js';

/**
 * Who issues the office's documents: the district (番禺区) and its government office, from the
 * 考核名单's seed, and the name of its quarterly bulletin, from the 刊物 seed.
 */
export interface OfficeIdentity {
  /** e.g. 番禺区, as titles name it. */
  district: string;
  /** e.g. 广州市番禺区人民政府办公室. */
  issuer: string;
  /** The quarterly bulletin's masthead: 番府信息 (工作通讯). */
  bulletin: { name: string; subtitle: string };
}

/** 《番府信息》(工作通讯), as pages and messages name the bulletin. */
export function bulletinTitleOf(identity: OfficeIdentity): string {
  return `《${identity.bulletin.name}》(${identity.bulletin.subtitle})`;
}

let cached: OfficeIdentity | undefined;

export function officeIdentity(): OfficeIdentity {
  if (!cached) {
    const full = readSeedRoster().district;
    // Titles name the district without its city (广州市番禺区 → 番禺区).
    const district = full.replace(/^.+?市(?=.+[区县]$)/, '');
    cached = { district, issuer: `${full}人民政府办公室`, bulletin: readSeedPeriodicals().bulletin };
  }
  return cached;
}
