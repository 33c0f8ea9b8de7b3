package io.nylassf.testkit.salesforce;

/** Field types as the describe call names them. */
public enum FieldType {
    ID("id"), STRING("string"), TEXTAREA("textarea"), EMAIL("email"), PHONE("phone"), URL("url"),
    REFERENCE("reference"), DATETIME("datetime"), DATE("date"), BOOLEAN("boolean"), PICKLIST("picklist"),
    DOUBLE("double"), CURRENCY("currency"), INT("int"), BASE64("base64");

    private final String describeName;

    FieldType(String describeName) {
        this.describeName = describeName;
    }

    public String describeName() { return describeName; }

    boolean isText() {
        return switch (this) {
            case STRING, TEXTAREA, EMAIL, PHONE, URL, PICKLIST -> true;
            default -> false;
        };
    }

    boolean isIdLike() {
        return this == ID || this == REFERENCE;
    }

    boolean isNumeric() {
        return this == DOUBLE || this == CURRENCY || this == INT;
    }
}
