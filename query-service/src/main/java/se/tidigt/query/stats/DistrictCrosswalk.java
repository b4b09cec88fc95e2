package se.tidigt.query.stats;

/** Maps a district code of any time onto today's district (Rinkeby-Kista → Järva); the application provides it. */
public interface DistrictCrosswalk {
    String todayOf(String district);

    /** Today's district codes. */
    java.util.List<String> today();

    /** Every district code of any time (today's and their predecessors); today's only if not told otherwise. */
    default java.util.List<String> all() {
        return today();
    }
}
