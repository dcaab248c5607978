// A records request in one click: the client's whole record as JSON or as a readable PDF, fetched with the token.
import type { ClientRecord } from '@shared/api-types';
import { clientsApi } from '../../../api/records';
import { useAction } from '../../../components/useAction';
import { auditKeys } from '../../../features/audit/query-keys';
import { saveBlob, saveJson } from '../../../lib/save-file';

function baseName(record: ClientRecord): string {
  const name = `${record.first_name}-${record.last_name}`.toLowerCase().replace(/[^a-z0-9-]+/g, '') || 'client';
  return `record-${name}`;
}

export function ExportButtons({ record }: { record: ClientRecord }) {
  const exportRecord = useAction({
    run: async (format: 'json' | 'pdf') => {
      const filename = `${baseName(record)}.${format}`;
      if (format === 'json') saveJson(await clientsApi.exportJson(record.id), filename);
      else saveBlob(await clientsApi.exportPdf(record.id), filename);
      return filename;
    },
    done: (filename) => `Exported ${filename}.`,
    invalidates: [auditKeys.all],
  });
  return (
    <div className="actions-row" role="group" aria-label="Export record">
      <button type="button" className="button secondary" disabled={exportRecord.isPending} onClick={() => exportRecord.mutate('pdf')}>
        Export record (PDF)
      </button>
      <button type="button" className="button secondary" disabled={exportRecord.isPending} onClick={() => exportRecord.mutate('json')}>
        Export record (JSON)
      </button>
    </div>
  );
}
