/** What the editor should know of an item taken in by mail: the elements the unit left out, a paper copy due. */
export function mailNote(history: readonly { action: string; comment: string | null }[]): string | undefined {
  const intake = history.find((entry) => entry.action === 'mail_intake');
  if (!intake?.comment) return undefined;
  const notes = intake.comment
    .split('；')
    .filter((note) => /^(缺少要素|标题未注明|邮件没有正文|重大或敏感信息)/.test(note));
  return notes.length > 0 ? notes.join('；') : undefined;
}
