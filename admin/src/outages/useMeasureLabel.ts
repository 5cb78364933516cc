import { useTranslate } from 'react-admin';
import { humanizeStep } from '../shared/step-label';
import { measureKey } from './outage-record';

/** A measure in words ("Pickup paused at the store"); one the translations do not name yet reads as its name in words. */
export function useMeasureLabel(): (measure: string) => string {
  const translate = useTranslate();
  return (measure) => translate(measureKey(measure), { _: humanizeStep(measure) });
}
