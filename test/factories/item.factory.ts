/** A complete draft as the officer's form sends it. */
export const DRAFT = {
  title: '沙湾镇扎实推进防汛防风工作',
  body: '沙湾镇多措并举做好防汛防风工作，排查隐患点12处，转移群众300余人。',
  category: '本单位主要工作进展',
  reporter: '陈信息',
  phone: '020-84731234',
  isPublic: true,
  isOutsideRemit: false,
  isMajor: false,
};
