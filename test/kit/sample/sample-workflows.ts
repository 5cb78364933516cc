/** The sample workflows' bundle entry (test/kit only; the production bundle is workflows/index.ts). */
export { sampleSaga } from './sample-saga';
export { sampleStockCount } from './sample-stock-count';
