package io.nylassf.connect.sink.salesforce.options;

import java.util.Locale;

/** What a Task or Event is related to (WhatId) ({@code salesforce.task.what}). */
public enum TaskWhat {
    ACCOUNT, OPPORTUNITY;

    /** The setting's value ({@code salesforce.task.what}, lower case). */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskWhat fromConfig(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
