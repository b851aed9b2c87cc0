package io.streamgate.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(Main.LEAK_DETECTOR_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(Main.LEAK_DETECTOR_PROPERTY);
        } else {
            System.setProperty(Main.LEAK_DETECTOR_PROPERTY, saved);
        }
    }

    @Test
    void usesTheCoresCountingLeakDetectorWhenNoneIsChosen() {
        System.clearProperty(Main.LEAK_DETECTOR_PROPERTY);

        Main.useCountingLeakDetector();

        assertThat(System.getProperty(Main.LEAK_DETECTOR_PROPERTY))
                .isEqualTo("io.streamgate.core.diagnostics.CountingLeakDetector");
    }

    @Test
    void keepsALeakDetectorChosenOnTheCommandLine() {
        System.setProperty(Main.LEAK_DETECTOR_PROPERTY, "com.example.OtherDetector");

        Main.useCountingLeakDetector();

        assertThat(System.getProperty(Main.LEAK_DETECTOR_PROPERTY)).isEqualTo("com.example.OtherDetector");
    }
}
