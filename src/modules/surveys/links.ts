// Addresses of the survey's web pages (web/src/features/surveys).
export const invitationUrl = (publicUrl: string, token: string) => `${publicUrl}/survei/undangan/${token}`;
export const unitSurveyUrl = (publicUrl: string, unitId: string) => `${publicUrl}/survei/unit/${unitId}`;
export const kioskUrl = (publicUrl: string, token: string) => `${publicUrl}/survei/kios/${token}`;
export const publishedResultUrl = (publicUrl: string, unitId: string) => `${publicUrl}/survei/hasil/${unitId}`;
