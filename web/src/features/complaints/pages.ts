// The complaints pages, loaded as their own chunk.
export { ComplaintFormPage } from './ComplaintFormPage';
export { ReporterTrackPage } from './ReporterTrackPage';
export { PublicFeedPage } from './PublicFeedPage';
export { ComplaintInboxPage } from './InboxPage';
export { ComplaintDetailPage } from './DetailPage';
export { MyReportsPage } from './MyReportsPage';
export { CategoriesAdminPage } from './CategoriesAdminPage';
export { LaporImportPage } from './LaporImportPage';
export { Open311ClientsPage } from './Open311ClientsPage';
export { GatewaysPage } from './GatewaysPage';
