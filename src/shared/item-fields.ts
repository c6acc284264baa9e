/** Item (信息稿件) vocabulary both the server and the web pages need. */

/** Workflow states with their Chinese names. */
export const ITEM_STATUSES = {
  draft: '草稿',
  unit_review: '单位审核中',
  awaiting_signature: '待主要领导签发',
  submitted: '已报送区政府办公室',
  received: '已接收',
  adopted: '已采用',
  not_adopted: '未采用',
  returned: '已退回修改',
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;

/** 三、信息稿件的主要内容: the eleven content categories. */
export const ITEM_CATEGORIES = [
  '重大决策贯彻落实情况',
  '领导批示指示及落实情况',
  '经济社会发展重要情况',
  '区政府重要会议及部署落实',
  '领导对我区工作的指导意见',
  '社会动态及苗头性、预测性问题',
  '本单位主要工作进展',
  '新思路新做法新经验',
  '涉及我区的网络舆情',
  '上级约稿信息',
  '应急信息',
] as const;

/** The title mark the policy asks for: 标题后用括号注明“政务信息”. */
export const TITLE_MARK = '（政务信息）';

/** 密级 values that mean classified matter, which never enters this system. */
export const CLASSIFIED_LEVELS = ['秘密', '机密', '绝密'] as const;

/** Attachment types accepted (Word, PDF, images), checked by content. */
export const ATTACHMENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
