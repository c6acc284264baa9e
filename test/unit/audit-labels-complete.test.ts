/**
 * Every action and object type the server writes to the audit log reads in Chinese on the audit
 * page and in its CSV: the source's appendAudit calls are read, so a new action without a label fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditObjectTypeLabel } from '../../src/domain/audit-labels.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The literal `field: '…'` values in the first lines of each appendAudit call. */
function auditedLiterals(field: 'action' | 'objectType'): Set<string> {
  const found = new Set<string>();
  const call = new RegExp(`appendAudit\\([\\s\\S]{0,400}?${field}: '([a-z_]+)'`, 'g');
  for (const file of sourceFiles(SRC)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(call)) found.add(match[1]);
  }
  return found;
}

describe('audit log labels', () => {
  it('names every action the server audits in Chinese', () => {
    const actions = auditedLiterals('action');
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((action) => auditActionLabel(action) === action)).toEqual([]);
  });

  it('names every kind of record the server audits in Chinese', () => {
    const types = auditedLiterals('objectType');
    expect(types.size).toBeGreaterThan(15);
    expect([...types].filter((type) => auditObjectTypeLabel(type) === type)).toEqual([]);
  });
});
