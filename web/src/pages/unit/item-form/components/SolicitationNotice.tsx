/** The solicitation a new item answers (撰写回复稿): saving the draft links it. */
import { Alert } from 'antd';

export function SolicitationNotice({ solicitation }: { solicitation: { title: string; deadline: string } }) {
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`回复约稿“${solicitation.title}”`}
      description={`截止日期 ${solicitation.deadline}：保存后本稿即作为回复稿，须在截止日前经审核报送区政府办公室。`}
    />
  );
}
