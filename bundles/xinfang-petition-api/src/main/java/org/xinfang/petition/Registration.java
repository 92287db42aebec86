package org.xinfang.petition;

/**
 * What registration hands back: the stored petition and its verification code. The code is given
 * to the petitioner once; the node keeps only a hash of it.
 */
public record Registration(Petition petition, String verificationCode) {
}
