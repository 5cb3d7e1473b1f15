import { useEffect, useState } from 'react';
import type { HealthRows, HealthSummary } from '../../../shared/health/checks.ts';
import { api } from '../../api.ts';

/** The health check's counts, as the main side reports them (null before the first). */
export function useHealthSummary(): HealthSummary | null {
  const [summary, setSummary] = useState<HealthSummary | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.on.healthChanged((next) => live && setSummary(next));
    // A check that finished before this window listened: its counts, asked once.
    void api
      .getHealth({ paths: [] })
      .then((rows) => live && setSummary((seen) => seen ?? rows.summary))
      .catch(() => undefined);
    return () => {
      live = false;
      off();
    };
  }, []);
  return summary;
}

/** The Problems tab's rows, asked for again whenever the check changed while it shows. */
export function useHealthRows(visible: boolean, version: number | undefined): HealthRows | null {
  const [rows, setRows] = useState<HealthRows | null>(null);
  useEffect(() => {
    if (!visible) return;
    let live = true;
    void api
      .getHealth({})
      .then((next) => live && setRows(next))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [visible, version]);
  return rows;
}
