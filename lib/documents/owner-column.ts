import { documents, type DocumentOwnerType } from '@/db/schema/documents';

/** The column of `documents` that names a record of this type. */
export function ownerColumn(type: DocumentOwnerType) {
  switch (type) {
    case 'household':
      return documents.householdId;
    case 'application':
      return documents.applicationId;
    case 'temp_aid_case':
      return documents.tempAidCaseId;
    case 'complaint':
      return documents.complaintId;
  }
}
