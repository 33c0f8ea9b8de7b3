package io.nylassf.connect.sink.salesforce.options;

import io.nylassf.connect.common.config.ChoiceSetting;
import io.nylassf.connect.common.config.ConfigChoice;

/** What a Task or Event is related to (WhatId) ({@code salesforce.task.what}). */
public enum TaskWhat implements ConfigChoice {
    ACCOUNT, OPPORTUNITY;

    public static final ChoiceSetting<TaskWhat> SETTING = ChoiceSetting.of(TaskWhat.class);

    public static TaskWhat fromConfig(String s) {
        return SETTING.parse(s);
    }
}
