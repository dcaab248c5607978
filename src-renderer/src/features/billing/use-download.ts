// Fetches a file with the signed-in token and saves it (a PDF, an export): a plain link would have no token.
import { useAction } from '../../components/useAction';
import { saveBlob } from '../../lib/save-file';

export function useDownload() {
  return useAction({
    run: async ({ fetchFile, filename }: { fetchFile: () => Promise<Blob>; filename: string }) => {
      saveBlob(await fetchFile(), filename);
      return filename;
    },
    done: (filename) => `Downloaded ${filename}.`,
  });
}
