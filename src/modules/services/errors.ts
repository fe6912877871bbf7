// Not-found errors of the services module.
import { notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';

export const documentNotFound = () => notFound(text('Dokumen tidak ditemukan.', 'Document not found.'));
