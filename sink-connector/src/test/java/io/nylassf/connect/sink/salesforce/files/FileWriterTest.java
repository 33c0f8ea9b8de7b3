package io.nylassf.connect.sink.salesforce.files;

import io.nylassf.connect.sink.salesforce.files.FileWriter.NewFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How files are packed into calls: 200 per collection, five collections per call, bounded base64 per call. */
class FileWriterTest {
    private static List<NewFile> files(int n, int bytes) {
        List<NewFile> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new NewFile("f" + i, new byte[bytes], "00TA", "m/" + i));
        }
        return out;
    }

    @Test
    void smallFilesShareACallUpToAThousand() {
        assertEquals(1, FileWriter.calls(files(1, 10)));
        assertEquals(1, FileWriter.calls(files(1_000, 10)));
        assertEquals(2, FileWriter.calls(files(1_001, 10)));
        List<List<List<NewFile>>> plan = FileWriter.plan(files(450, 10));
        assertEquals(List.of(200, 200, 50), plan.get(0).stream().map(List::size).toList());
    }

    @Test
    void largeFilesAreSplitSoACallStaysUnderTheJsonLimit() {
        // 5 MiB each is about 7 MB of base64: six fit in 48 MB, the seventh starts a new call
        List<List<List<NewFile>>> plan = FileWriter.plan(files(7, 5 * 1024 * 1024));
        assertEquals(2, plan.size());
        assertEquals(6, plan.get(0).get(0).size());
        assertEquals(1, plan.get(1).get(0).size());
        assertEquals(1, FileWriter.calls(files(1, 37 * 1024 * 1024)), "one file alone always goes");
    }
}
