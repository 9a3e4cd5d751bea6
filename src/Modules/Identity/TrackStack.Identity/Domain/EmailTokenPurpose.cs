namespace TrackStack.Identity.Domain;

internal enum EmailTokenPurpose
{
    VerifyEmail = 0,
    ResetPassword = 1,
}
