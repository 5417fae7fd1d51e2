// The Chinese names of an institution's kind and status, for pages, forms and the audit log.
export const institutionKindLabels: Record<string, string> = {
  public: '公办',
  public_private: '公建民营（民办公助）',
  private: '民办',
};

export const institutionStatusLabels: Record<string, string> = { operating: '运营', closed: '停用' };

export const dischargeReasonLabels: Record<string, string> = {
  home: '回家分散供养',
  transfer: '转入其他机构',
  death: '死亡',
  other: '其他',
};

/** 对公账户: what a bank-file row says for an institution's account (a household's is 银行卡 or 存折). */
export const INSTITUTION_ACCOUNT_KIND = 'corporate';
export const institutionAccountKindLabel = '对公账户';
