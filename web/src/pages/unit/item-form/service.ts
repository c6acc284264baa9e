/** The item form's API calls and pure rules (title mark, body counter, classified levels, phone). */
import { bodyLength, isPhoneNumber, markedTitle } from '@domain/item-workflow';
import { ATTACHMENT_TYPES, CLASSIFIED_LEVELS } from '@shared/item-fields';
import { BODY_GUIDELINE_CHARACTERS } from '@shared/limits';
import type { AttachmentCreated, Done, ItemCreated, ItemUpdated } from '@shared/api/items';
import type { UnitReviewers } from '@shared/api/review';
import { http } from '../../../http';

export { isPhoneNumber };

/** The form's values; `secrecy` '' means not classified. */
export interface ItemFormValues {
  title: string;
  body: string;
  category?: string;
  signer?: string;
  reporter: string;
  phone: string;
  isPublic: boolean;
  isOutsideRemit: boolean;
  source?: string;
  isMajor: boolean;
  secrecy?: string;
}

/** The title as it will be stored: the （政务信息） mark appended when missing; empty while nothing is typed. */
export function titlePreview(title: string | undefined): string {
  return title?.trim() ? markedTitle(title) : '';
}

export interface BodyCount {
  length: number;
  /** Over 一般450字内: a warning, never a refusal. */
  over: boolean;
  text: string;
}

/** The live counter under the body, counting as the server does (white space not counted). */
export function bodyCount(body: string | undefined): BodyCount {
  const length = bodyLength(body ?? '');
  const over = length > BODY_GUIDELINE_CHARACTERS;
  return {
    length,
    over,
    text: over
      ? `${length} 字，超出一般 ${BODY_GUIDELINE_CHARACTERS} 字要求 ${length - BODY_GUIDELINE_CHARACTERS} 字`
      : `${length} / ${BODY_GUIDELINE_CHARACTERS} 字`,
  };
}

export function isClassified(secrecy: string | undefined | null): boolean {
  return Boolean(secrecy && (CLASSIFIED_LEVELS as readonly string[]).includes(secrecy.trim()));
}

/** Attachments accepted by name; the server checks the content again. */
export const ACCEPTED_EXTENSIONS = ['.docx', '.doc', '.pdf', '.jpg', '.jpeg', '.png'];
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_EXTENSIONS, ...new Set(Object.values(ATTACHMENT_TYPES))].join(',');

export function isAcceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The API's ItemDraftBody from the form's values. */
export function draftBody(values: ItemFormValues) {
  return {
    title: values.title.trim(),
    body: values.body,
    category: values.category ?? '',
    reporter: values.reporter.trim(),
    signer: values.signer?.trim() || null,
    phone: values.phone.trim(),
    isPublic: values.isPublic,
    isOutsideRemit: values.isOutsideRemit,
    source: values.isOutsideRemit ? values.source?.trim() || null : null,
    isMajor: values.isMajor,
    secrecy: values.secrecy?.trim() || null,
  };
}

export function createItem(values: ItemFormValues, solicitationId?: number) {
  return http.post<ItemCreated>(
    '/api/items',
    { ...draftBody(values), ...(solicitationId ? { solicitationId } : {}) },
    { quiet: true }
  );
}

export function updateItem(id: number, version: number, values: ItemFormValues) {
  return http.put<ItemUpdated>(`/api/items/${id}`, { version, ...draftBody(values) }, { quiet: true });
}

export function uploadAttachment(itemId: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.post<AttachmentCreated>(`/api/items/${itemId}/attachments`, form, { quiet: true });
}

export function deleteAttachment(itemId: number, attachmentId: number) {
  return http.delete<Done>(`/api/items/${itemId}/attachments/${attachmentId}`, { quiet: true });
}

export function loadReviewers(signal?: AbortSignal): Promise<UnitReviewers> {
  return http.get<UnitReviewers>('/api/units/mine/reviewers', { signal });
}

/** The sentence telling the officer who will review a submitted item. */
export function reviewerNotice(r: UnitReviewers): { text: string; missing: boolean } {
  if (r.reviewedBy === 'reviewer') return { text: `提交后由分管领导 ${r.reviewers.join('、')} 审核`, missing: false };
  if (r.reviewedBy === 'principal')
    return { text: `本单位未登记分管领导账号，提交后由主要领导 ${r.principals.join('、')} 审核`, missing: false };
  return { text: '本单位尚未开设审核领导账号，提交后无人审核；请联系系统管理员开设分管领导账号', missing: true };
}

/** A solicitation the new item answers (撰写回复稿), as GET /api/solicitations lists it for a unit. */
export interface SolicitationToAnswer {
  id: number;
  title: string;
  deadline: string;
  state: string;
}

export async function loadSolicitation(id: number, signal?: AbortSignal): Promise<SolicitationToAnswer | null> {
  const list = await http.get<SolicitationToAnswer[]>('/api/solicitations', { signal });
  return list.find((s) => s.id === id) ?? null;
}

/** The category of an item answering a solicitation: （十）上级约稿信息. */
export const SOLICITED_CATEGORY = '上级约稿信息';

/** An attachment the page or the server refused: it blocks submission until removed. */
export interface RefusedFile {
  name: string;
  message: string;
}
