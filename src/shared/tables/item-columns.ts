/**
 * The item lists' column titles (the editor's inbox, the unit's items), shared by the pages and the
 * 导出Excel workbook so a header in the file is always the title on screen.
 */
export const ITEM_COLUMNS = {
  ref: '编号',
  title: '标题',
  unit: '报送单位',
  status: '状态',
  category: '内容类别',
  submitted: '报送日期',
  isPublic: '公开属性',
  isMajor: '重大敏感',
  points: '得分',
} as const;

/** The unit's own list calls the submission date just 日期. */
export const UNIT_ITEM_DATE_TITLE = '日期';

export const PUBLIC_LABELS = { true: '公开', false: '不予公开' } as const;
