package dev.queuebench.profile;

/**
 * The shape of one simulated user's journey, which turns request rates into arrival rates: a join,
 * {@code pollsPerUser} status polls {@code pollIntervalMillis} apart (an enter takes a poll's place
 * when the user is ready), then a leave for {@code leaveFraction} of the users who did not abandon.
 * Abandoners ({@code abandonFraction}) stop after a uniformly chosen 1 to {@code pollsPerUser / 2}
 * polls and never leave: their heartbeat expires on the server.
 *
 * <p>This is the journey of a user who is never admitted. Users admitted early send fewer requests:
 * at rates where the admission bucket (50/s per event) keeps up with arrivals a user sends about
 * three. The simulation's arrival control therefore measures requests per journey on the run itself
 * and uses this model only for the journey ages it has not observed yet; the run records both.
 */
public record JourneyShape(int pollsPerUser, int pollIntervalMillis, double leaveFraction, double abandonFraction,
        int events) {
    public JourneyShape {
        if (pollsPerUser < 1) {
            throw new IllegalArgumentException("pollsPerUser must be >= 1, was " + pollsPerUser);
        }
        if (pollIntervalMillis < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be >= 100, was " + pollIntervalMillis);
        }
        if (leaveFraction < 0 || leaveFraction > 1 || abandonFraction < 0 || abandonFraction > 1) {
            throw new IllegalArgumentException("leaveFraction and abandonFraction must be between 0 and 1");
        }
        if (events < 1) {
            throw new IllegalArgumentException("events must be >= 1, was " + events);
        }
    }

    /**
     * Requests per user when every user is ready at its first poll and admitted at its first enter:
     * the shortest journey a healthy target gives, so the fewest requests a user can be planned to send.
     */
    public double fewestRequestsPerUser() {
        double patient = pollsPerUser >= 2 ? 3 : 2 + leaveFraction;
        double abandoners = 0;
        for (int polls = 1; polls <= abandonerMaxPolls(); polls++) {
            abandoners += polls >= 2 ? 3 : 2;
        }
        return (1 - abandonFraction) * patient + abandonFraction * abandoners / abandonerMaxPolls();
    }

    /** The most polls an abandoner makes. */
    int abandonerMaxPolls() {
        return Math.max(1, pollsPerUser / 2);
    }

    /** Expected requests per user: join + polls + leave. */
    public double requestsPerUser() {
        double total = 0;
        for (double weight : requestWeightsBySecond()) {
            total += weight;
        }
        return total;
    }

    /**
     * Expected requests a user sends in each whole second after arriving (index 0 = the arrival
     * second): the kernel that, convolved with arrivals, gives the intended request rate over time.
     */
    public double[] requestWeightsBySecond() {
        int lastPollMillis = pollsPerUser * pollIntervalMillis;
        double[] weights = new double[lastPollMillis / 1000 + 1];
        weights[0] += 1;
        for (int poll = 1; poll <= pollsPerUser; poll++) {
            weights[poll * pollIntervalMillis / 1000] += pollWeight(poll);
        }
        weights[lastPollMillis / 1000] += (1 - abandonFraction) * leaveFraction;
        return weights;
    }

    /**
     * The share of journeys still under way at {@code ageSec} after their join: those with a poll (or
     * their leave) still to come. The model's survivors, for ages the arrival control has not seen yet.
     */
    public double survivingAt(double ageSec) {
        double intervalSec = pollIntervalMillis / 1000.0;
        double patient = pollsPerUser * intervalSec > ageSec ? 1 - abandonFraction : 0;
        int abandonersLater = 0;
        for (int polls = 1; polls <= abandonerMaxPolls(); polls++) {
            if (polls * intervalSec > ageSec) {
                abandonersLater++;
            }
        }
        return patient + abandonFraction * abandonersLater / abandonerMaxPolls();
    }

    /** Expected requests per journey (all journeys, not survivors) sent later than {@code ageSec} after the join. */
    public double requestsAfter(double ageSec) {
        return sumAfter(ageSec, false);
    }

    /** The sum of those requests' ages in seconds, for the mean delay from arrival to request. */
    public double requestSecondsAfter(double ageSec) {
        return sumAfter(ageSec, true);
    }

    private double sumAfter(double ageSec, boolean weighByAge) {
        double intervalSec = pollIntervalMillis / 1000.0;
        double total = 0;
        for (int poll = 1; poll <= pollsPerUser; poll++) {
            double atSec = poll * intervalSec;
            if (atSec > ageSec) {
                total += pollWeight(poll) * (weighByAge ? atSec : 1);
            }
        }
        double lastSec = pollsPerUser * intervalSec;
        if (lastSec > ageSec) {
            total += (1 - abandonFraction) * leaveFraction * (weighByAge ? lastSec : 1);
        }
        return total;
    }

    /** Expected number of users making poll {@code poll}: all patient users and the abandoners who got that far. */
    private double pollWeight(int poll) {
        // Abandoners make poll i when they chose at least i polls: (max - i + 1) / max of them.
        double abandonersStillPolling = poll > abandonerMaxPolls() ? 0
                : (double) (abandonerMaxPolls() - poll + 1) / abandonerMaxPolls();
        return (1 - abandonFraction) + abandonFraction * abandonersStillPolling;
    }

    /** How long a user who does not abandon stays, in seconds. */
    public int lifetimeSec() {
        return (int) Math.ceil(pollsPerUser * pollIntervalMillis / 1000.0);
    }
}
