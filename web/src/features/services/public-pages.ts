// The services module's citizen pages, loaded as their own chunk.
export { ApplicationPage } from './ApplicationPage';
export { CataloguePage } from './CataloguePage';
export { ServicePage } from './ServicePage';
export { VerifyPage } from './VerifyPage';
