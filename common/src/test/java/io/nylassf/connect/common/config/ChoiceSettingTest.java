package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChoiceSettingTest {
    enum Color implements ConfigChoice {
        DARK_RED, BLUE {
            @Override
            public List<String> aliases() {
                return List.of("navy");
            }
        }
    }

    private static final ChoiceSetting<Color> SETTING = ChoiceSetting.of(Color.class);

    @Test
    void acceptsEveryValueInAnyCaseAndAliases() {
        SETTING.ensureValid("color", "dark_red");
        SETTING.ensureValid("color", " DARK_Red ");
        SETTING.ensureValid("color", "Navy");
        assertEquals(Color.DARK_RED, SETTING.parse("Dark_Red"));
        assertEquals(Color.BLUE, ChoiceSetting.parse(Color.class, "NAVY"));
    }

    @Test
    void rejectionNamesTheSettingAndListsTheValues() {
        ConfigException e = assertThrows(ConfigException.class, () -> SETTING.ensureValid("color", "green"));
        assertTrue(e.getMessage().contains("color"), e.getMessage());
        assertTrue(e.getMessage().contains("[dark_red, blue]"), e.getMessage());
        assertThrows(ConfigException.class, () -> SETTING.ensureValid("color", null));
        IllegalArgumentException parse = assertThrows(IllegalArgumentException.class, () -> SETTING.parse("x"));
        assertTrue(parse.getMessage().contains("[dark_red, blue]"), parse.getMessage());
    }

    @Test
    void listSettingsHaveEachEntryChecked() {
        SETTING.ensureValid("colors", List.of("blue", "DARK_RED"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> SETTING.ensureValid("colors", List.of("blue", "green")));
        assertTrue(e.getMessage().contains("colors") && e.getMessage().contains("each entry"), e.getMessage());
    }

    @Test
    void docAndRecommenderListTheValuesWithoutAliases() {
        assertEquals("Paint. Valid values: dark_red, blue.", SETTING.doc("Paint."));
        assertEquals(List.of("dark_red", "blue"), SETTING.validValues("color", Map.of()));
        assertEquals("one of [dark_red, blue]", SETTING.toString());
    }

    @Test
    void worksAsTheValidatorOfAConfigDef() {
        ConfigDef def = new ConfigDef().define("color", ConfigDef.Type.STRING, "blue", SETTING,
                ConfigDef.Importance.LOW, SETTING.doc("Paint."));
        assertEquals("BLUE", def.parse(Map.of("color", "BLUE")).get("color"));
        ConfigException e = assertThrows(ConfigException.class, () -> def.parse(Map.of("color", "pink")));
        assertTrue(e.getMessage().contains("color"), e.getMessage());
    }
}
