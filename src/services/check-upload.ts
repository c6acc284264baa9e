import { checkAttachment } from '../domain/attachment-type.js';
import { wordPackageProblem } from '../files/word-package.js';
import { ServiceError } from './service-error.js';

const FILE_FIELD = { field: 'file', label: '附件' };

/**
 * An uploaded attachment (an item's or a notice's), checked before anything is stored: its type
 * by content, and a Word file read as a package, since a name and a ZIP signature are not a document.
 */
export async function checkUploadedAttachment(
  name: string,
  data: Buffer
): Promise<{ fileName: string; mediaType: string }> {
  const checked = checkAttachment(name, data);
  if ('refusal' in checked) throw new ServiceError('invalid', checked.refusal, FILE_FIELD);
  if (checked.extension === 'docx') {
    const refusal = await wordPackageProblem(data);
    if (refusal)
      throw new ServiceError(refusal.kind, `附件“${checked.fileName}”${refusal.problem}，未保存`, FILE_FIELD);
  }
  return checked;
}
