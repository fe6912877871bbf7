// The survey pages, loaded as their own chunk.
export { InvitationSurveyPage, UnitSurveyPage } from './RespondPages';
export { KioskPage } from './KioskPage';
export { PublishedResultPage } from './PublishedResultPage';
export { SurveyReportPage } from './SurveyReportPage';
