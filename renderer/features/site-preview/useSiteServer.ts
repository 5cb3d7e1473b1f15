import { useEffect, useState } from 'react';
import type { SiteServerStatus } from '../../../shared/models.ts';
import { api } from '../../api.ts';

/** The Site preview's server as the main side reports it (null until first heard). */
export function useSiteServer(): SiteServerStatus | null {
  const [status, setStatus] = useState<SiteServerStatus | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.on.siteServerStatus((next) => live && setStatus(next));
    void api
      .getSiteServer()
      .then((first) => live && setStatus((seen) => seen ?? first))
      .catch(() => undefined);
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}
