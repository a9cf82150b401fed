package dev.queuebench.profile;

import java.util.Locale;

/**
 * What the simulated browsers do beyond the journey's shape, where real clients differ from a
 * well-behaved script.
 *
 * @param doubleEnterFraction the fraction of users whose first enter is a double click: two enter
 *                            requests sent at the same moment, as a browser does when the button is
 *                            clicked twice (the integrity audit counts a second grant)
 * @param whenLost            what a user does when the gateway refuses their waiting token
 */
public record ClientBehaviour(double doubleEnterFraction, WhenLost whenLost) {
    /** A user whose token was refused ({@code TOKEN_EXPIRED} / {@code TOKEN_NOT_FOUND}). */
    public enum WhenLost {
        /** Gives up: the journey ends there, counted once as lost. */
        STOP,
        /** Joins again at the back of the queue, as a browser that reloads the waiting page does. */
        REJOIN;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static WhenLost parse(String text) {
            for (WhenLost value : values()) {
                if (value.text().equals(text)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("when lost must be 'stop' or 'rejoin', was '" + text + "'");
        }
    }

    public ClientBehaviour {
        if (!(doubleEnterFraction >= 0 && doubleEnterFraction <= 1)) {
            throw new IllegalArgumentException("the double-enter fraction must be between 0 and 1, was "
                    + doubleEnterFraction);
        }
        if (whenLost == null) {
            throw new IllegalArgumentException("whenLost must be set");
        }
    }

    /** 2% of users double-click enter; a lost user gives up. */
    public static ClientBehaviour defaults() {
        return new ClientBehaviour(0.02, WhenLost.STOP);
    }
}
