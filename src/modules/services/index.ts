// Online public services: the catalogue with published Standar Pelayanan, applications through simple
// workflows, payments of the published fee, and verifiable issued documents.
// Emits the outbox event `services.completed` (payload as agreed across modules) on completion.
import type { PamongModule } from '../../core/module';
import adminRoutes from './admin-routes';
import { registerServicesAttachments } from './attachments';
import { computeServiceStats } from './compute-stats';
import routes from './routes';
import { seedServicesDemo } from './seed-demo';

export const servicesModule: PamongModule = {
  name: 'services',
  routes: async (app, opts) => {
    registerServicesAttachments();
    await app.register(routes, opts);
    await app.register(adminRoutes, opts);
  },
  seedDemo: seedServicesDemo,
  // Issued documents' PDFs live in the shared file store without an attachment row.
  fileReferences: [{ table: 'services_documents', column: 'file_sha256' }],
  stats: {
    /** Per service: volume, status counts, on-time share of finished applications, median working days per step. */
    perService: (ctx, q) => computeServiceStats(ctx, q),
  },
};

export type { PaymentGateway, PaymentInstructions, PaymentEvent } from './payment-gateway';
