package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.write.WriteOp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Loop guard: an object written from a Salesforce record gets its Nylas ID stored there; nothing is created. */
final class Links {
    private Links() {
    }

    static Planned link(Item i, String sobject, String id, String extField, String modifiedAtField) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(extField, i.obj().id());
        if (modifiedAtField != null && i.obj().modifiedAt() != null && !"EmailMessage".equals(sobject)) {
            f.put(modifiedAtField, SfValues.dateTime(i.obj().modifiedAt()));
        }
        return new Planned(i, WriteOp.update(sobject, id, f), Planned.Kind.LINK, null);
    }
}
