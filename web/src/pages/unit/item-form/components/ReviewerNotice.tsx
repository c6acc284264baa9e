/** Who will review the item once submitted: said before the officer submits, and warned when nobody can. */
import { Alert, Typography } from 'antd';
import { useEffect } from 'react';
import { useRequest } from '../../../../lib/use-request';
import { loadReviewers, reviewerNotice } from '../service';

export function ReviewerNotice({ onLoad }: { onLoad?(text: string): void }) {
  const { data } = useRequest((signal) => loadReviewers(signal), []);
  const notice = data ? reviewerNotice(data) : undefined;
  useEffect(() => {
    if (notice) onLoad?.(notice.text);
  }, [notice?.text]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!notice) return null;
  return notice.missing ? (
    <Alert type="warning" showIcon style={{ marginTop: 16 }} title={notice.text} />
  ) : (
    <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="reviewer-notice">
      {notice.text}
    </Typography.Paragraph>
  );
}
