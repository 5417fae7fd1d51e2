// Refusals of the 材料 verbs, in Chinese, in one place.
export const documentMessages = {
  fileMissing: '请选择要上传的文件',
  tooLarge: '文件超过 10 MB，请压缩或分页扫描后再上传',
  wrongType: '只能上传 PDF、JPEG 或 PNG 文件（按文件内容识别，改扩展名无效）',
  duplicate: '同一文件已上传到该记录，无需重复上传',
  alreadyWithdrawn: '该材料已作废',
} as const;
