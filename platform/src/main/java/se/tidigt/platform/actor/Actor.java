package se.tidigt.platform.actor;

/**
 * Who is acting: the user id, their role and, for district roles, their district. Every event's
 * metadata records it. Demo users and JWT claims are both turned into an Actor; a token without a Tidigt role gives
 * an actor whose role is null, whom every rule refuses.
 */
public record Actor(String userId, Role role, String district) {
}
