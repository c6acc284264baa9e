/** The edited text with what the editor changed marked: deleted characters struck through in red, inserted ones underlined in green. */
import { diffText } from '@domain/text-diff';
import { useMemo } from 'react';

const STYLES = {
  same: undefined,
  del: { color: '#cf1322', background: '#fff1f0', textDecoration: 'line-through' },
  ins: { color: '#389e0d', background: '#f6ffed', textDecoration: 'underline' },
} as const;

export function TextDiff({ original, edited }: { original: string; edited: string }) {
  const segments = useMemo(() => diffText(original, edited), [original, edited]);
  return (
    <span style={{ whiteSpace: 'pre-wrap' }}>
      {segments.map((s, k) => {
        if (s.op === 'del')
          return (
            <del key={k} style={STYLES.del} title="删除">
              {s.text}
            </del>
          );
        if (s.op === 'ins')
          return (
            <ins key={k} style={STYLES.ins} title="新增">
              {s.text}
            </ins>
          );
        return <span key={k}>{s.text}</span>;
      })}
    </span>
  );
}
