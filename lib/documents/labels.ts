// Chinese names of the documents' kinds and owners. Pure data: client components use it too.
import type { DocumentContentType, DocumentKind, DocumentOwnerType } from '@/db/schema/documents';

export const documentKindLabels: Record<DocumentKind, string> = {
  application_form: '申请书',
  economic_declaration: '家庭经济状况声明',
  commitment: '承诺书',
  consent: '授权书',
  identity: '身份证明',
  hukou: '户口簿',
  disability_certificate: '残疾证',
  diagnosis: '诊断证明',
  income_proof: '收入证明',
  investigation_form: '入户调查表',
  public_notice_photo: '公示照片',
  democratic_review: '民主评议记录',
  other: '其他',
};

export const documentOwnerLabels: Record<DocumentOwnerType, string> = {
  household: '家庭',
  application: '申请',
  temp_aid_case: '临时救助案件',
  complaint: '投诉举报',
};

export const contentTypeLabels: Record<DocumentContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};
