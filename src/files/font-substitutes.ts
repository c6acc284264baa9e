/**
 * Which installed fonts stand in for the 公文 fonts when LibreOffice draws a PDF on a server that
 * lacks them. Linux servers seldom carry 仿宋_GB2312 or 方正小标宋简体, and fontconfig's own fallback
 * for an unknown Chinese name is a sans-serif face (often its Japanese cut), which makes a 公文 look
 * like a web page. Each name keeps its own font first where it is installed; after it come the usual
 * Windows names, then the free fonts Debian packages, closest in style first.
 */
const SUBSTITUTES: Record<string, string[]> = {
  仿宋_GB2312: ['仿宋', 'FangSong', 'Noto Serif CJK SC', 'AR PL UMing CN'],
  仿宋: ['FangSong', 'Noto Serif CJK SC', 'AR PL UMing CN'],
  方正小标宋简体: ['方正小标宋_GBK', '宋体', 'SimSun', 'Noto Serif CJK SC', 'AR PL UMing CN'],
  宋体: ['SimSun', 'Noto Serif CJK SC', 'AR PL UMing CN'],
  黑体: ['SimHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei'],
  楷体_GB2312: ['楷体', 'KaiTi', 'AR PL UKai CN', 'Noto Serif CJK SC'],
  楷体: ['KaiTi', 'AR PL UKai CN', 'Noto Serif CJK SC'],
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A fontconfig file that reads `base` (the configuration in force) and adds the substitutes as
 * `accept` aliases: they follow the named family, so a real 仿宋_GB2312 still wins.
 */
export function fontSubstitutesConfig(base: string): string {
  const aliases = Object.entries(SUBSTITUTES).map(
    ([family, substitutes]) =>
      `  <alias binding="same"><family>${escapeXml(family)}</family><accept>${substitutes
        .map((s) => `<family>${escapeXml(s)}</family>`)
        .join('')}</accept></alias>`
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${escapeXml(base)}</include>`,
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}
